// Files the mini-program put into cloud storage itself (Taro.cloud.uploadFile), waiting for
// consumer.registerUpload to take them in. They are raw originals — a photo may still carry its
// EXIF/GPS — so the core reads one once and then has it deleted, whatever it decides about it.

export type UploadedBytes =
  | { status: 'found'; bytes: Uint8Array }
  /** gone, never there, or not an upload of ours at all (another bucket, our own evidence/ area) */
  | { status: 'missing' }
  /** bigger than the cap the caller gave: not read to the end */
  | { status: 'too-large' }

export interface UploadedObjects {
  /** the object's bytes, read no further than `maxBytes` (a phone decides how big an upload is) */
  fetch(fileId: string, maxBytes: number): Promise<UploadedBytes>
  /** delete it; resolves when it is gone or was never there; never touches anything but uploads */
  discard(fileId: string): Promise<void>
}
