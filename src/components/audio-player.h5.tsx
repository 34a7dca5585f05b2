// H5: a recording plays in the browser's own player, from its short-lived signed link (the page's
// CSP allows media-src 'self'). preload="none": a case page with three recordings downloads none of
// them until someone presses play.
export function AudioPlayer({ src, label }: { src: string; label: string }) {
  return <audio className="audio-player" controls preload="none" src={src} aria-label={label} />
}
