/**
 * A person across talks: for the speaker pages, each talk they speak in (newest first, as the
 * catalog orders talks) with their part there and their turns in order.
 */
import type { Catalog, ParticipantView, TalkView, TurnView } from './catalog';

export interface Appearance {
  talk: TalkView;
  /** The speaker as a participant of this talk: part, and role where the talk overrides it. */
  participant: ParticipantView;
  turns: TurnView[];
}

export function appearancesOf(catalog: Pick<Catalog, 'talks'>, speakerId: string): Appearance[] {
  return catalog.talks.flatMap((talk) => {
    const participant = talk.participants.find((person) => person.id === speakerId);
    if (!participant) return [];
    return [{ talk, participant, turns: talk.turns.filter((turn) => turn.speaker.id === speakerId) }];
  });
}

/** Where a turn lives: `/<talk>/#<anchor>` under the site's base. */
export function turnHref(talkSlug: string, anchor: string, base = '/'): string {
  return `${base}${talkSlug}/#${anchor}`;
}

/** A speaker's page: `/speakers/<id>/` under the site's base. */
export function speakerHref(speakerId: string, base = '/'): string {
  return `${base}speakers/${speakerId}/`;
}
