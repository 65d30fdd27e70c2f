// Names of codes the server sends (union kinds, roles, audit actions...) in the
// interface language, falling back to the code itself for anything new.
import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLang, useT } from './i18n';
import { orgQueries, roleQuery } from './queries';

export function useLabels() {
  const t = useT();
  const { lang } = useLang();
  const kinds = useQuery(orgQueries.kinds());
  const roles = useQuery(roleQuery());

  const kindMap = useMemo(() => new Map((kinds.data ?? []).map((k) => [k.name, lang === 'en' ? k.labelEn : k.label])), [kinds.data, lang]);
  const roleMap = useMemo(() => new Map((roles.data ?? []).map((r) => [r.name, lang === 'en' ? r.labelEn : r.label])), [roles.data, lang]);

  const kind = useCallback((name: string, fallback?: string) => kindMap.get(name) ?? fallback ?? name, [kindMap]);
  const role = useCallback((name: string) => roleMap.get(name) ?? name, [roleMap]);
  const action = useCallback((code: string) => t.dyn('action.' + code, code), [t]);
  const historyAction = useCallback((code: string) => t.dyn('history.' + code, t.dyn('action.' + code, code)), [t]);
  const entity = useCallback((code: string) => t.dyn('entity.' + code, code), [t]);
  const orgStatus = useCallback((s: string) => t.dyn('org.status.' + s, s), [t]);
  const userStatus = useCallback((s: string) => t.dyn('user.status.' + s, s), [t]);
  const field = useCallback((name: string) => t.dyn('field.' + snakeToCamel(name), name), [t]);

  return {
    kinds: kinds.data ?? [],
    roles: roles.data ?? [],
    kind, role, action, historyAction, entity, orgStatus, userStatus, field,
  };
}

export function snakeToCamel(s: string): string {
  return s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Audit actions the platform records today (the filter offers these; the log may hold others). */
export const KNOWN_ACTIONS = [
  'create', 'update', 'move', 'dissolve', 'restore', 'delete',
  'login', 'login_failed', 'locked', 'unlock', 'logout', 'password_change', 'password_reset',
  'export', 'import', 'reveal', 'approve', 'reject', 'transfer',
];

export const KNOWN_ENTITIES = ['org', 'user', 'member'];
