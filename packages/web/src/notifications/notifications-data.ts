import { notificationListResponse, notificationReadResponse, type NotificationListResponse } from '@hearth/core/api';
import { api, type ApiResult } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { createStore } from '../shared/store.ts';

/** The unread count, shared by the header link and the notification center so both agree. */
export const unreadStore = createStore<number>(0);

export async function loadNotifications(): Promise<ApiResult<NotificationListResponse>> {
  const res = await api.get(endpoints.notifications, notificationListResponse);
  if (res.ok) unreadStore.set(res.value.unread);
  return res;
}

export async function markNotificationRead(id: string): Promise<ApiResult<unknown>> {
  const res = await api.post(endpoints.notificationRead(id), undefined, notificationReadResponse);
  if (res.ok) unreadStore.set(res.value.unread);
  return res;
}

export async function markAllNotificationsRead(): Promise<ApiResult<unknown>> {
  const res = await api.post(endpoints.notificationsReadAll, undefined, notificationReadResponse);
  if (res.ok) unreadStore.set(res.value.unread);
  return res;
}
