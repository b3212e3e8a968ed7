/** A command word without its folder: `/usr/bin/apt-get` -> `apt-get`. */
export function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}
