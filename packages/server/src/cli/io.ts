/** What a `kolo-server` subcommand is given: the environment, and where its report goes. */
export interface CommandIo {
  env?: NodeJS.ProcessEnv;
  /** where the report goes (default: standard output) */
  print?: (line: string) => void;
}
