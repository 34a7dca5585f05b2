import type { ContactRule } from './contact.schema'

// The deployment's contacts from its environment, used only where no stored contact covers a
// message (contact-routing.ts). They reproduce what a deployment did before contacts were data:
// WECOM_WEBHOOK_KEY's group hears the station's and the regulator's escalations and red cards.
export function deploymentDefaultContacts(env: { wecomKey?: string | null }): ContactRule[] {
  if (!env.wecomKey) return []
  return [
    {
      scope: { kind: 'default' },
      roles: ['station', 'regulator'],
      events: ['escalation', 'overdue'],
      channel: 'wecom',
      target: env.wecomKey,
    },
  ]
}
