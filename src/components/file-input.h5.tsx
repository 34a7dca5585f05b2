import { EVIDENCE_RULES } from '../domain/evidence.schema'
import type { LocalFile } from '../api/upload'
import type { FileInputProps } from './file-input'

// H5: a real <input type=file> inside a <label> that looks like a button. Tapping the label opens
// the chooser natively (no script-triggered click, which some browsers block); the input itself
// stays in the tab order, visually hidden, so keyboards reach it and the label shows its focus.
const ACCEPT: Record<FileInputProps['kind'], string> = {
  photo: 'image/*',
  video: 'video/*',
  audio: 'audio/*',
  receipt: [...EVIDENCE_RULES.receipt.mimes, 'image/*'].join(','),
}

export function FileInput({ kind, label, multiple, disabled, onPick, children, className }: FileInputProps) {
  return (
    <label className={`file-input ${disabled ? 'file-input--disabled' : ''} ${className ?? ''}`}>
      <input
        className="file-input__native"
        type="file"
        data-kind={kind}
        accept={ACCEPT[kind]}
        multiple={multiple}
        disabled={disabled}
        aria-label={label}
        onChange={(event) => {
          const files: LocalFile[] = Array.from(event.target.files ?? []).map((f) => ({
            name: f.name,
            size: f.size,
            type: f.type,
            blob: f,
          }))
          event.target.value = '' // choosing the same file again must fire again
          if (files.length) onPick(files)
        }}
      />
      <span className="file-input__face" aria-hidden="true">
        {children}
      </span>
    </label>
  )
}
