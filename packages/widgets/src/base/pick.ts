/** The choices after `input` (a radio button or checkbox of a choice list) changed. */
export const picked = (current: string[], input: HTMLInputElement): string[] =>
  input.type === 'checkbox' ? (input.checked ? [...current, input.value] : current.filter((v) => v !== input.value)) : [input.value];
