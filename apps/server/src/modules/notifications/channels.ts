/**
 * Channel adapters: how a message leaves the platform (SMS, WeChat). `NOTIFY_CHANNELS` picks
 * the adapters; today there is one, `log`, for development: it writes the text to the log
 * (the address masked) instead of sending it, and the delivery is recorded like a real one.
 * A provider's adapter implements the same interface.
 */
import { maskPhone } from '@tongban/domain';
import type { JobLog } from '../../platform/jobs/index.ts';

export type ChannelName = 'sms' | 'wechat';
export const CHANNEL_NAMES: readonly ChannelName[] = ['sms', 'wechat'];

export interface MessageChannel {
  readonly name: ChannelName;
  /** Sends the text; throws when the provider refuses or cannot be reached (the job retries). */
  send(to: string, text: string): Promise<void>;
}

/** The adapters `NOTIFY_CHANNELS` may name. */
export const CHANNEL_ADAPTERS = ['log'] as const;
export type ChannelAdapter = (typeof CHANNEL_ADAPTERS)[number];

/** An address as logs may show it: a phone number as 138****0001, anything else by its first four characters. */
export function maskAddress(channel: ChannelName, to: string): string {
  if (channel === 'sms') return maskPhone(to);
  return to.length <= 4 ? '****' : `${to.slice(0, 4)}****`;
}

/** Development channels: log what would be sent. */
export function logChannels(log: JobLog): MessageChannel[] {
  return CHANNEL_NAMES.map((name) => ({
    name,
    send: async (to: string, text: string) => {
      log.info({ channel: name, to: maskAddress(name, to), text }, `${name} message (development channel: logged, not sent)`);
    },
  }));
}

/** The channels of the configured adapters (none: messages stay in the message centre). */
export function channelsFor(adapters: readonly ChannelAdapter[], log: JobLog): MessageChannel[] {
  return adapters.flatMap((a) => {
    switch (a) {
      case 'log':
        return logChannels(log);
    }
  });
}
