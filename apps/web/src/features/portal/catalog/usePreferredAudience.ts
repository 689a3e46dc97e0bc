import type { SessionUser } from '@tongban/contracts';
import { useSession } from '../../../app/session.ts';
import type { Audience } from './vocab.ts';

/** The audience whose items come first for this user: 自然人 ('1') for a citizen, 法人 ('2') for an enterprise user, none otherwise. */
export function audienceOf(user: SessionUser | null | undefined): Audience | undefined {
  switch (user?.kind) {
    case 'citizen':
      return '1';
    case 'enterprise':
      return '2';
    default:
      return undefined;
  }
}

/**
 * The signed-in applicant's audience, for the search's `prefer` ranking. `ready` is false while
 * the session is still loading, so that a search is not sent twice (once without, once with it).
 */
export function usePreferredAudience(): { prefer: Audience | undefined; ready: boolean } {
  const session = useSession();
  return { prefer: audienceOf(session.data), ready: !session.isPending };
}
