// Printing exists only in the desk browser (print.h5.ts). In WeChat there is no print button: the
// letter is printed from the desk.
export const canPrint: boolean = false
export function printPage(): void {}
