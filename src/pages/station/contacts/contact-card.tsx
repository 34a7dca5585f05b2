import { View } from '@tarojs/components'
import { ActionButton } from '../../../components/action-button'
import { ROLE_LABELS } from '../../../domain/labels'
import type { ContactView } from '../../../domain/notify/contact-api'
import { CONTACT_CHANNEL_LABELS } from '../../../domain/notify/contact.schema'
import { EVENT_CLASS_LABELS } from '../../../domain/notify/event-class'
import { scopeLabel } from './contact-fields'

// One contact as a card: what it hears, where it sends (the target masked), where it applies. The
// site's own contacts can be changed or removed; removing asks once more, because the group then
// stops hearing about red cards. An area's or the deployment's contact is shown as applying, read-only.
interface Props {
  contact: ContactView
  confirming: boolean
  busy: boolean
  onEdit: () => void
  onAskDelete: () => void
  onConfirmDelete: () => void
  onCancelDelete: () => void
}

export function ContactCard({ contact: c, confirming, busy, onEdit, onAskDelete, onConfirmDelete, onCancelDelete }: Props) {
  return (
    <View className="contact-card" role="group" aria-label={c.label}>
      <View className="contact-card__name">{c.label}</View>
      <View className="contact-card__row">
        {CONTACT_CHANNEL_LABELS[c.channel]}：{c.targetMasked}
      </View>
      <View className="contact-card__row">适用范围：{scopeLabel(c)}</View>
      <View className="contact-card__row">消息：{c.events.map((e) => EVENT_CLASS_LABELS[e]).join('、')}</View>
      <View className="contact-card__row">抄送：{c.roles.map((r) => ROLE_LABELS[r]).join('、')}收到的通知</View>
      {!c.editable ? (
        <View className="contact-card__note">由上级设置，本站不能修改</View>
      ) : confirming ? (
        <View className="contact-card__actions">
          <View className="contact-card__confirm" role="alert">
            确定删除“{c.label}”？删除后它将不再收到通知。
          </View>
          <ActionButton label={`确认删除 ${c.label}`} text="确认删除" busy={busy} busyText="正在删除…" onPress={onConfirmDelete} />
          <ActionButton label="取消" variant="secondary" onPress={onCancelDelete} />
        </View>
      ) : (
        <View className="contact-card__actions">
          <ActionButton label={`修改 ${c.label}`} text="修改" variant="secondary" onPress={onEdit} />
          <ActionButton label={`删除 ${c.label}`} text="删除" variant="secondary" onPress={onAskDelete} />
        </View>
      )}
    </View>
  )
}
