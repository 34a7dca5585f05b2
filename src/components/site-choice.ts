// Sites offered in a picker by name. Two sites may share a name (two malls called 万达广场), so a
// repeated name gets the end of its id: each label picks exactly one site. Used wherever staff pick a
// site (an account's site, a transfer's receiving station).
type Site = { id: string; name: string }

export interface SiteChoice {
  label: string
  id: string
}

export function siteChoices(sites: readonly Site[]): SiteChoice[] {
  const count = new Map<string, number>()
  for (const s of sites) count.set(s.name, (count.get(s.name) ?? 0) + 1)
  return sites.map((s) => ({ id: s.id, label: (count.get(s.name) ?? 0) > 1 ? `${s.name}（${s.id.slice(-6)}）` : s.name }))
}

export const labelOf = (choices: readonly SiteChoice[], id: string | null | undefined) => choices.find((c) => c.id === id)?.label ?? ''
export const idOf = (choices: readonly SiteChoice[], label: string) => choices.find((c) => c.label === label)?.id ?? ''
