// Choosing a CSV file exists only in the desk browser (csv-file-input.h5.tsx). In WeChat the staff
// member pastes the table instead, so this renders nothing.
export interface CsvFileInputProps {
  /** the file's text (UTF-8, or GB18030 as Excel on Chinese Windows saves it) and its name */
  onText: (text: string, fileName: string) => void
}

export function CsvFileInput(_props: CsvFileInputProps) {
  return null
}
