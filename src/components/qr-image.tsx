import { View } from '@tarojs/components'
import './qr-image.scss'

// A QR code of a URL. H5 draws it (qr-image.h5.tsx). The mini-program cannot open an H5 link from
// a scan anyway — there the station passes the code on in words, and posters use the shop's
// mini-program code instead — so this build says where to find the printable one.
export interface QrImageProps {
  /** the text the code carries (a full URL) */
  value: string
  /** what the image is, for screen readers ("邀请二维码") */
  label: string
  className?: string
}

export function QrImage({ label, className }: QrImageProps) {
  return <View className={`qr-image qr-image--absent ${className ?? ''}`}>{label}请在电脑浏览器中打开本页查看</View>
}
