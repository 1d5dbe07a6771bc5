/**
 * `elect import-statements --guess FILE`: the proposed bank CSV options on standard output, as
 * JSON an `--options` file takes, and on standard error what each choice rests on and what the
 * options read when tried on the whole file (exit status 2 when they do not read it).
 */
import { guessStatementFile } from '../services/imports/index.ts';

export async function printStatementGuess(file: string): Promise<void> {
  const guess = await guessStatementFile(file);
  console.log(JSON.stringify(guess.options, null, 2));
  for (const n of guess.notes) console.error(`# ${n.option}${n.value ? ` = ${n.value}` : ''} — ${n.why}`);
  if (guess.check.ok)
    console.error(
      `# tried on the whole file: ${guess.check.transactions} transaction(s), ${guess.check.statements} statement(s)`,
    );
  else {
    console.error(`# these options do not read the file yet: ${guess.check.error}`);
    process.exitCode = 2;
  }
}
