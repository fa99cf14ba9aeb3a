import { type Command, Help } from 'commander';

export const completionShells = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof completionShells)[number];

/** What completion needs of a command: its name, what it does, its long options and their fixed choices. */
interface CommandSpec {
  readonly name: string;
  readonly description: string;
  /** The first argument's fixed values (`lede schema profile`), none when it is free (a file). */
  readonly argumentChoices: readonly string[];
  readonly options: readonly {
    readonly flag: string;
    readonly description: string;
    readonly choices: readonly string[];
    readonly takesValue: boolean;
  }[];
}

/** The visible commands and options of the program, as its help shows them (hidden ones stay hidden). */
function specOf(program: Command): CommandSpec[] {
  const help = new Help();
  help.showGlobalOptions = true;
  return help
    .visibleCommands(program)
    .filter((command) => command.name() !== 'help')
    .map((command) => ({
      name: command.name(),
      description: command.description(),
      argumentChoices: command.registeredArguments[0]?.argChoices ?? [],
      options: [...help.visibleOptions(command), ...help.visibleGlobalOptions(command)]
        .filter(
          (option, index, all) =>
            option.long !== undefined && all.findIndex((other) => other.long === option.long) === index,
        )
        .map((option) => ({
          flag: option.long as string,
          description: option.description,
          choices: option.argChoices ?? [],
          takesValue: option.required || option.optional,
        })),
    }));
}

/** Single quotes for the shell: nothing in a description can end the string or run anything. */
function quoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function bashScript(commands: readonly CommandSpec[]): string {
  const cases = commands.map((command) => {
    const choices = command.options
      .filter((option) => option.choices.length > 0)
      .map(
        (option) =>
          `      ${option.flag}) COMPREPLY=($(compgen -W ${quoted(option.choices.join(' '))} -- "$cur")); return ;;`,
      );
    const argument =
      command.argumentChoices.length === 0
        ? []
        : [
            `      if [[ $COMP_CWORD -eq 2 && "$cur" != -* ]]; then COMPREPLY=($(compgen -W ${quoted(command.argumentChoices.join(' '))} -- "$cur")); return; fi`,
          ];
    return [
      `    ${command.name})`,
      ...argument,
      `      opts=${quoted(command.options.map((option) => option.flag).join(' '))}`,
      ...(choices.length === 0
        ? []
        : ['      case "$prev" in', ...choices.map((line) => `  ${line}`), '      esac']),
      '      ;;',
    ].join('\n');
  });
  return `# lede completion for bash: add \`source <(lede completion bash)\` to ~/.bashrc
_lede() {
  local cur prev command opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  command="\${COMP_WORDS[1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W ${quoted(['--help', '--version', ...commands.map((command) => command.name)].join(' '))} -- "$cur"))
    return
  fi
  opts=''
  case "$command" in
${cases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _lede lede
`;
}

function fishScript(commands: readonly CommandSpec[]): string {
  const lines = [
    '# lede completion for fish: lede completion fish > ~/.config/fish/completions/lede.fish',
    'complete -c lede -e',
  ];
  for (const command of commands) {
    lines.push(
      `complete -c lede -f -n __fish_use_subcommand -a ${command.name} -d ${quoted(command.description)}`,
    );
    for (const option of command.options) {
      const value =
        option.choices.length > 0
          ? ` -x -a ${quoted(option.choices.join(' '))}`
          : option.takesValue
            ? ' -r'
            : '';
      lines.push(
        `complete -c lede -n ${quoted(`__fish_seen_subcommand_from ${command.name}`)} -l ${option.flag.slice(2)}${value} -d ${quoted(option.description)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The completion script for a shell, generated from the program itself so it never lists a command or option lede
 * does not have. zsh runs the bash script through its bash-completion layer, which every zsh ships.
 */
export function completionScript(shell: CompletionShell, program: Command): string {
  const commands = specOf(program);
  if (shell === 'fish') return fishScript(commands);
  if (shell === 'zsh')
    return `# lede completion for zsh: add \`source <(lede completion zsh)\` to ~/.zshrc\nautoload -U +X bashcompinit && bashcompinit\n${bashScript(commands).split('\n').slice(1).join('\n')}`;
  return bashScript(commands);
}
