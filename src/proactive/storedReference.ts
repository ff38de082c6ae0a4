// What a turn's activity tells us about where to reach its user later (no activity id: it changes every turn).
import type { StoredReference } from './references.ts';

/** The parts of a turn's conversation reference worth keeping. */
export function storedReferenceOf(activity: {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean };
  from: { id: string; aadObjectId?: string };
  recipient: { id: string; name?: string };
  locale?: string;
  channelData?: unknown;
}): StoredReference {
  const tenantFromChannel = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const tenantId = activity.conversation.tenantId ?? tenantFromChannel;
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversation: {
      id: activity.conversation.id,
      ...(tenantId ? { tenantId } : {}),
      ...(activity.conversation.conversationType ? { conversationType: activity.conversation.conversationType } : {}),
      ...(activity.conversation.isGroup !== undefined ? { isGroup: activity.conversation.isGroup } : {}),
    },
    user: { id: activity.from.id, ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}) },
    bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}
