import { View } from '@tarojs/components'
import type { MerchantEntry } from '../domain/merchant.schema'
import { fieldIds } from './form-field'
import { ActionButton } from './action-button'
import { FieldError } from './feedback'
import { InfoBlock } from './info-block'
import './shop-block.scss'

// The shop the complaint is about, shown first on the form. From a QR code it is fixed; chosen by
// search it can be changed. Carries the merchantCode field's id and error.
interface Props {
  entry: MerchantEntry
  label?: string
  onChange?: () => void
  error?: string
}

export function ShopBlock({ entry, label = '投诉对象', onChange, error }: Props) {
  const ids = fieldIds('merchantCode')
  return (
    <View id={ids.wrapper} className="shop-block">
      <InfoBlock label={label} tone="accent" className="complaint__target">
        <View className="shop-block__name">{entry.merchant.name}</View>
        <View className="shop-block__site">
          {entry.site.name}
          {entry.merchant.booth ? ` · ${entry.merchant.booth}` : ''}
        </View>
        {onChange ? <ActionButton className="shop-block__change" variant="secondary" label="更换商户" onPress={onChange} /> : null}
      </InfoBlock>
      <FieldError message={error} id={ids.error} />
    </View>
  )
}
