// Printing exists only in the desk browser (print.h5.ts). In WeChat the helper reads the numbers
// out or the person takes a photo of the screen; there is no print button.
export const canPrint: boolean = false
export function printPage(): void {}
