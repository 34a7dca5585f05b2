import { useElderlyMode } from '../hooks/use-elderly-mode'
import { ToggleSwitch } from './toggle-switch'

// The 大字模式 switch: at the top of the pages an elderly person meets (home, the form, the receipt,
// the lookup). Applies to every page at once and is remembered on this device.
export function ElderlySwitch() {
  const [on, setOn] = useElderlyMode()
  return <ToggleSwitch className="elderly-switch" compact label="大字模式" checked={on} onChange={setOn} />
}
