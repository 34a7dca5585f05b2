// Printing exists only in the desk browser (print.h5.ts); in WeChat there is no print button.
export const canPrint: boolean = false
export function printPage(): void {}
