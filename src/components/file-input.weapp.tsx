import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { LocalFile } from '../api/upload'
import type { FileInputProps } from './file-input'

// Mini-program: photos, videos and receipt photos come from the camera or the album (chooseMedia:
// the camera caps video at 60 s, our own limit); recordings and PDF receipts are files people
// received in a chat (chooseMessageFile), which is where a shop's e-invoice or a voice note lives.
const CHAT_FILE_EXTENSIONS: Partial<Record<FileInputProps['kind'], string[]>> = {
  audio: ['mp3', 'm4a', 'aac', 'wav', 'amr'],
}

const nameOf = (path: string) => path.split('/').pop() ?? path
const cancelled = (err: unknown) => /cancel/i.test(String((err as { errMsg?: string })?.errMsg ?? err))

async function choose(kind: FileInputProps['kind'], multiple: boolean): Promise<LocalFile[]> {
  const count = multiple ? 9 : 1
  const extensions = CHAT_FILE_EXTENSIONS[kind]
  if (extensions) {
    const res = await Taro.chooseMessageFile({ count, type: 'file', extension: extensions })
    return res.tempFiles.map((f) => ({ name: f.name, size: f.size, type: '', path: f.path }))
  }
  const res = await Taro.chooseMedia({
    count,
    mediaType: kind === 'video' ? ['video'] : ['image'],
    sourceType: ['album', 'camera'],
    maxDuration: 60,
    sizeType: ['compressed'],
  })
  return res.tempFiles.map((f) => ({
    name: nameOf(f.tempFilePath),
    size: f.size,
    type: kind === 'video' ? 'video/mp4' : 'image/jpeg',
    path: f.tempFilePath,
  }))
}

export function FileInput({ kind, label, multiple, disabled, onPick, children, className }: FileInputProps) {
  const pick = async () => {
    if (disabled) return
    try {
      const files = await choose(kind, !!multiple)
      if (files.length) onPick(files)
    } catch (err) {
      if (!cancelled(err)) void Taro.showToast({ title: '无法打开相册或文件，请重试', icon: 'none' })
    }
  }
  return (
    <View
      className={`file-input ${disabled ? 'file-input--disabled' : ''} ${className ?? ''}`}
      role="button"
      aria-label={label}
      aria-disabled={disabled}
      onClick={() => void pick()}
    >
      <View className="file-input__face">{children}</View>
    </View>
  )
}
