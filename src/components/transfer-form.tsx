import { View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { call } from '../api'
import type { FieldErrors } from '../domain/errors'
import { DESTINATION_LABELS, TRANSFER_DESTINATIONS, type TransferDestination } from '../domain/workflow/transfer'
import { useRemote } from '../hooks/use-remote'
import { RadioGroupField, type RadioOption } from './radio-group'
import { ReasonField } from './reason-field'
import { SelectField } from './select-field'
import { StepFormButtons, errorFixer, passLocalChecks, type StepFormProps } from './step-form-parts'
import { TextField } from './text-field'
import { idOf, siteChoices } from './site-choice'

// 转办 with a destination (docs/domain.md "Transfers"): another site of the system (chosen from the
// list; the case moves there), another department, the police, or a bureau elsewhere (named here; a
// 移送函 is printed from the case page and the hand-over clock runs until the receipt is recorded).
const DESTINATIONS: readonly RadioOption<TransferDestination>[] = TRANSFER_DESTINATIONS.map((d) => ({
  value: d,
  label: DESTINATION_LABELS[d],
}))
const SHOWN = ['details.destination', 'details.toSiteId', 'details.toName', 'details', 'reason']
const NAME_HINT: Record<Exclude<TransferDestination, 'site'>, string> = {
  department: '如：滨江区人力资源和社会保障局',
  police: '如：滨江区公安分局',
  cross_region: '如：苏州市市场监督管理局',
}

export function TransferForm({ busy, errors, onErrors, onSubmit, onCancel }: StepFormProps) {
  const [destination, setDestination] = useState<TransferDestination | ''>('')
  const [siteName, setSiteName] = useState('')
  const [toName, setToName] = useState('')
  const [text, setText] = useState('')
  const fixed = errorFixer(errors, onErrors)
  const load = useCallback(() => call('station', 'transferTargets', {}), [])
  const { state } = useRemote(load)
  // by label, not by name: two stations may share a name, and the label still picks one
  const sites = siteChoices(state.status === 'ready' ? state.data.items : [])

  const submit = () => {
    const local: FieldErrors = {}
    const siteId = idOf(sites, siteName)
    if (!destination) local['details.destination'] = '请选择转办去向'
    if (destination === 'site' && !siteId) local['details.toSiteId'] = '请选择接收的站点'
    if (destination && destination !== 'site' && toName.trim().length < 2) local['details.toName'] = '请填写接收单位名称'
    if (!text.trim()) local.reason = '请填写原因'
    if (!passLocalChecks(local, onErrors) || !destination) return
    onSubmit({
      reason: text.trim(),
      details: {
        kind: 'transfer',
        destination,
        toSiteId: siteId,
        toName: destination === 'site' ? '' : toName.trim(),
        fromSiteId: '',
      },
    })
  }

  return (
    <View className="step-form transfer-form">
      <RadioGroupField
        name="details.destination"
        label="转办去向"
        value={destination}
        options={DESTINATIONS}
        columns={2}
        onChange={(value) => {
          setDestination(value)
          fixed('details.destination')
        }}
        error={errors['details.destination'] ?? errors.details}
      />
      {destination === 'site' ? (
        <SelectField
          name="details.toSiteId"
          label="接收的站点"
          placeholder={state.status === 'loading' ? '正在读取站点…' : '请选择站点'}
          hint="案件连同全部记录移交该站点，本站将不能再查看和办理"
          value={siteName}
          options={sites.map((s) => s.label)}
          onChange={(value) => {
            setSiteName(value)
            fixed('details.toSiteId')
          }}
          error={errors['details.toSiteId']}
        />
      ) : null}
      {destination && destination !== 'site' ? (
        <TextField
          name="details.toName"
          label="接收单位名称"
          maxlength={100}
          placeholder={NAME_HINT[destination]}
          hint={destination === 'cross_region' ? '须在48小时内移送' : '转办后请打印移送函；收到回执后在本页记录'}
          value={toName}
          onChange={(value) => {
            setToName(value)
            fixed('details.toName')
          }}
          error={errors['details.toName']}
        />
      ) : null}
      <ReasonField
        label="转办原因"
        autoFocus={false}
        placeholder="为什么不属于本站办理"
        value={text}
        onChange={(value) => {
          setText(value)
          fixed('reason')
        }}
        error={errors.reason}
      />
      <StepFormButtons submitLabel="确认转办" busy={busy} onSubmit={submit} onCancel={onCancel} errors={errors} shown={SHOWN} />
    </View>
  )
}
