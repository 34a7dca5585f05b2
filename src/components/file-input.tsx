import type { ReactNode } from 'react'
import type { EvidenceKind } from '../domain/evidence.schema'
import type { LocalFile } from '../api/upload'

// The control that opens the phone's file / camera chooser. H5: file-input.h5.tsx. In the
// mini-program, upload is not open yet (src/api/upload.weapp.ts), so there is nothing to choose
// and the evidence section shows a notice instead; this renders nothing.
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
