// The dispatcher's channels are a port (an adapter composition builds them); named here too for
// the callers that reach the dispatcher through services/notify.
export type { NotifyChannels } from '../../ports/notify-channels'
