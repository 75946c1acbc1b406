/**
 * Input names are a type derived from the input table (src/inputs/definitions.ts, `as const`): a misspelt name is a
 * compile error (checked by `npm run typecheck`, which compiles this file: an unused @ts-expect-error fails it), and
 * cast past the type it throws instead of reading as undefined.
 */
import { INPUTS, inputDefinition, type InputName } from '../../../src/inputs/definitions';
import { inputReader } from '../../../src/inputs/settings';

const none = (): undefined => undefined;

describe('input names are a type', () => {
  it('a misspelt name does not compile, and at run time throws rather than reading as unset', () => {
    const { opt, bool } = inputReader(none);
    expect(opt('required-base-image')).toBeUndefined();
    expect(bool('check-secrets')).toBe(false);
    // @ts-expect-error 'required-base-imag' is not an input of the table
    expect(() => opt('required-base-imag')).toThrow('unknown input required-base-imag');
    // @ts-expect-error nor is 'check-secret'
    expect(() => inputDefinition('check-secret')).toThrow('unknown input check-secret');
  });

  it('every name of the table is an InputName, and nothing else is', () => {
    const names: InputName[] = INPUTS.map((d) => d.name);
    expect(new Set(names).size).toBe(INPUTS.length);
    expect(names).toContain<InputName>('required-base-image');
  });
});
