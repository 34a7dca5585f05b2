import type { ReactNode } from 'react'
import type { EvidenceKind } from '../domain/evidence.schema'
import type { LocalFile } from '../api/upload'

// The control that opens the phone's file / camera chooser: file-input.h5.tsx (an <input type=file>)
// and file-input.weapp.tsx (chooseMedia / chooseMessageFile). Any other platform has no uploads
// (src/api/upload.ts), so the evidence section shows a notice instead and this renders nothing.
export interface FileInputProps {
  kind: EvidenceKind
  /** accessible name, e.g. 添加照片 */
  label: string
  multiple?: boolean
  disabled?: boolean
  onPick: (files: LocalFile[]) => void
  children: ReactNode
  className?: string
}

export function FileInput(_props: FileInputProps) {
  return null
}
