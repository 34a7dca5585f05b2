import type { CsvFileInputProps } from './csv-file-input'

// H5: a real file input inside a label that looks like a button (keyboard and screen reader reach
// the input itself). Excel on Chinese Windows saves "CSV (逗号分隔)" as GB18030, not UTF-8: a file
// that is not valid UTF-8 is read as GB18030 here, so staff need not know what an encoding is.
async function readCsvFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes) // drops a UTF-8 BOM too
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

export function CsvFileInput({ onText }: CsvFileInputProps) {
  return (
    <label className="csv-file-input">
      <input
        className="csv-file-input__native"
        type="file"
        accept=".csv,text/csv,text/plain"
        aria-label="选择CSV文件"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = '' // choosing the same file again must read it again
          if (file) void readCsvFile(file).then((text) => onText(text, file.name))
        }}
      />
      <span className="csv-file-input__face" aria-hidden="true">
        选择CSV文件
      </span>
    </label>
  )
}
