import { View } from '@tarojs/components'
import type { ActionOutput } from '../../../domain/api/contract'

// What an import did: counts first (announced), then each row that was left out with every reason,
// so staff can fix exactly those rows in the sheet and import the file again (good rows are safe to
// import twice: a shop is matched by its credit code).
export function ImportResult({ result }: { result: ActionOutput<'registry', 'importMerchantsCsv'> }) {
  const { created, updated, bad } = result
  return (
    <View className="import-result">
      <View className="import-result__summary" role="status">
        新增 <View className="import-result__count import-result__count--created">{created}</View> 家，更新{' '}
        <View className="import-result__count import-result__count--updated">{updated}</View> 家
        {bad.length ? `，${bad.length} 行未导入` : '，全部导入成功'}
      </View>
      {bad.length ? (
        <View className="import-result__bad" role="list" aria-label="未导入的行">
          {bad.map((row) => (
            <View className="import-result__row" role="listitem" key={row.row} data-row={row.row}>
              <View className="import-result__row-no">第 {row.row} 行</View>
              {row.reasons.map((reason, i) => (
                <View className="import-result__reason" key={i}>
                  {reason.replace(/^第\d+行：/, '')}
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
