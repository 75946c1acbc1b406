/** upsertSticky's errors reach the user as ClairScanErrors: what went wrong and what to do. */
import { upsertSticky, type StickyItem, type StickyStore } from '../../../src/publish/sticky';
import { expectScanError } from '../../helpers/errors';

/** A thread of `pages` full pages of other people's comments; records what was written. */
function crowdedThread(pages: number, perPage: number): StickyStore & { written: string[] } {
  const written: string[] = [];
  const page = (p: number): StickyItem[] =>
    Array.from({ length: perPage }, (_, i) => ({
      id: p * perPage + i,
      body: `comment ${i}`,
      author: { id: 1, login: 'someone' },
    }));
  return {
    written,
    identity: async () => ({ describe: 'bot', owns: (a) => a?.id === 99 }),
    async *pages() {
      for (let p = 0; p < pages; p++) yield page(p);
    },
    create: async (body) => (written.push(body), { id: 1, body }),
    update: async (id, body) => (written.push(body), { id, body }),
  };
}

test('a thread longer than the pages read: no new comment, and the hint says what to do', async () => {
  const store = crowdedThread(3, 2);
  const err = await expectScanError(
    upsertSticky(store, '<!-- m -->', '<!-- m -->\nsummary', { perPage: 2, maxPages: 2, what: 'pull request' }),
  );
  expect(err.message).toMatch(/^the pull request has more than 4 comments/);
  expect(err.hint).toMatch(/delete or hide older comments on the pull request/);
  expect(store.written).toEqual([]);
});
