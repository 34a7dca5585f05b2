import { Input, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../api'
import type { MerchantEntry } from '../domain/merchant.schema'
import { activateProps } from '../hooks/use-activate'
import { useRemote } from '../hooks/use-remote'
import { ActionButton } from './action-button'
import { EmptyState, FieldError } from './feedback'
import { fieldIds } from './form-field'
import { RemoteStatus } from './remote-status'
import './form-section.scss'
import './text-field.scss'
import './shop-search.scss'

// Finding the shop without its QR code: every shop of the site is listed at once, and typing part
// of a name narrows the list (consumer.searchMerchants). Choosing one puts it on the form.
const SHOWN = 12 // a whole mall would bury the form under the list

interface Props {
  onSelect: (entry: MerchantEntry) => void
  error?: string
  title?: string
}

export function ShopSearch({ onSelect, error, title = '选择要投诉的商户' }: Props) {
  const ids = fieldIds('merchantCode')
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const load = useCallback(() => call('consumer', 'searchMerchants', { query }), [query])
  const { state, retry, reload } = useRemote(load)
  // useRemote loads once on mount; a new query loads again (the old list stays until it answers)
  const mounted = useRef(false)
  useEffect(() => {
    if (mounted.current) void reload()
    mounted.current = true
  }, [query, reload])
  const search = () => {
    const next = typed.trim()
    if (next === query) void reload()
    else setQuery(next)
  }

  return (
    <View id={ids.wrapper} className="shop-search form-card">
      <View className="form-card__title" role="heading" aria-level={2} id={ids.label}>
        {title}
      </View>
      <View className="shop-search__bar" role="search">
        <Input
          className="field-box text-field shop-search__input"
          value={typed}
          maxlength={30}
          placeholder="输入店名，如 小馆"
          confirmType="search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={search}
          nativeProps={{ id: ids.control, 'aria-label': '商户名称', type: 'search', enterkeyhint: 'search' }}
        />
        <ActionButton className="shop-search__go" label="搜索" onPress={search} />
      </View>
      <FieldError message={error} id={ids.error} />
      <RemoteStatus state={state} onRetry={retry} />
      {state.status === 'ready' && state.data.items.length === 0 ? (
        <EmptyState text={`没有找到名称含“${query}”的商户，换几个字试试`} />
      ) : null}
      {state.status === 'ready' && state.data.items.length > 0 ? (
        <View className="shop-search__list" role="list" aria-label="商户列表">
          {state.data.items.slice(0, SHOWN).map((entry) => (
            <View className="shop-search__item" role="listitem" key={entry.merchant.code}>
              <View
                className="shop-search__choice"
                role="button"
                tabIndex={0}
                aria-label={`选择 ${entry.merchant.name}，${entry.site.name}${entry.merchant.booth ? ' ' + entry.merchant.booth : ''}`}
                hoverClass="shop-search__choice--pressed"
                {...activateProps(() => onSelect(entry), 'button')}
              >
                <View className="shop-search__text">
                  <View className="shop-search__name">{entry.merchant.name}</View>
                  <View className="shop-search__where">
                    {entry.site.name}
                    {entry.merchant.booth ? ` · ${entry.merchant.booth}` : ''} · {entry.merchant.industry}
                  </View>
                </View>
                <View className="shop-search__pick" aria-hidden>
                  选择 ›
                </View>
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {state.status === 'ready' && state.data.items.length > SHOWN ? (
        <View className="shop-search__more">只显示前{SHOWN}家，请输入店名中的字缩小范围</View>
      ) : null}
    </View>
  )
}
