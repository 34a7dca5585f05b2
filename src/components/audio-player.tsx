import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { ActionButton } from './action-button'

// WeChat has no <audio controls>: an InnerAudioContext plays the recording from its short-lived
// link, behind one 播放/停止 button. The context is made on the first press (a case page with three
// recordings opens none of them) and destroyed when the row goes away. H5: audio-player.h5.tsx.
export function AudioPlayer({ src, label }: { src: string; label: string }) {
  const context = useRef<Taro.InnerAudioContext | null>(null)
  const [playing, setPlaying] = useState(false)
  useEffect(() => () => context.current?.destroy(), [])

  const toggle = () => {
    if (!context.current) {
      const audio = Taro.createInnerAudioContext()
      audio.src = src
      audio.onEnded(() => setPlaying(false))
      audio.onStop(() => setPlaying(false))
      audio.onError(() => setPlaying(false))
      context.current = audio
    }
    if (playing) context.current.stop()
    else context.current.play()
    setPlaying(!playing)
  }
  return (
    <ActionButton
      className="audio-player"
      variant="secondary"
      label={`${playing ? '停止' : '播放'}${label}`}
      text={playing ? '停止' : '播放'}
      onPress={toggle}
    />
  )
}
