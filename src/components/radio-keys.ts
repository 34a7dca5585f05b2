import type { ITouchEvent } from '@tarojs/components'

// What makes one option of a radio group choosable. WeChat: a tap (no keyboard exists there).
// The H5 build uses radio-keys.h5.ts, which adds the arrow keys of a real radio group.
export function radioProps(index: number, _count: number, select: (index: number) => void) {
  return { onClick: (_event: ITouchEvent) => select(index) }
}
