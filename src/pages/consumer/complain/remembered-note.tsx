import { View } from '@tarojs/components'
import { ActionButton } from '../../../components/action-button'

// What this phone remembers of the shopper, said on the form (issue 16.6): filled in from the last
// complaint filed here, kept on this phone only, and a way to forget it on a shared phone.
export function RememberedNote({ prefilled, onForget }: { prefilled: boolean; onForget: () => void }) {
  if (!prefilled) {
    return <View className="form-card__note">姓名、电话和地址只保存在这台手机上，下次自动填入</View>
  }
  return (
    <View className="remembered-note">
      <View className="form-card__note">已填入这台手机上次投诉时的信息（只保存在本机）。不是您本人或是借用的手机，请清除。</View>
      <ActionButton variant="secondary" label="清除并不再记住" onPress={onForget} />
    </View>
  )
}
