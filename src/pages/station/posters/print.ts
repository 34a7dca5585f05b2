// Printing exists only in the desk browser (print.h5.ts); in WeChat the page says so instead.
export const canPrint: boolean = false
export function printPage(): void {}
