import { Textarea, View } from '@tarojs/components'
import { describedBy, fieldIds, FormField } from '../../../components/form-field'
import { MERCHANT_CSV_MAX_CHARS } from '../../../domain/merchant/registry-api'

// The table as text: pasted from a spreadsheet, or filled in from the chosen file. A mall of 2,000
// shops fits (Taro's default maxlength of 140 would cut it silently). The line count under it tells
// staff the whole table arrived.
interface Props {
  value: string
  onChange: (value: string) => void
  error?: string
}

export function CsvField({ value, onChange, error }: Props) {
  const ids = fieldIds('csv')
  const lines = value.trim() ? value.trim().split(/\r\n|\r|\n/).length : 0
  return (
    <FormField name="csv" label="表格内容（CSV）" error={error}>
      <Textarea
        className="field-box merchant-import__textarea"
        value={value}
        maxlength={MERCHANT_CSV_MAX_CHARS}
        autoHeight={false}
        placeholder="可从表格软件中复制后粘贴到这里"
        onInput={(e) => onChange(e.detail.value)}
        nativeProps={{
          id: ids.control,
          'aria-label': '表格内容（CSV）',
          'aria-invalid': error ? 'true' : 'false',
          'aria-describedby': describedBy('csv', error, true),
          spellcheck: false,
        }}
      />
      <View className="merchant-import__lines" id={ids.hint}>
        共 {lines} 行（含表头）
      </View>
    </FormField>
  )
}
