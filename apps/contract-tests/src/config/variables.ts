// Every environment variable the run reads, with what it means; `--help` and the README list the same.

export interface VariableDoc {
  name: string
  description: string
}

export const variables: readonly VariableDoc[] = [
  {
    name: 'KAITEN_SH_BASE_URL',
    description: 'kaiten.sh API root, e.g. https://demo.kaiten.sh or http://localhost:8080/api',
  },
  { name: 'KAITEN_SH_TOKEN', description: 'kaiten.sh service-account token (ksh_…) with read:instances' },
  { name: 'KAITEN_SH_INSTANCE', description: 'slug of a kaiten.sh instance that has audit-trail entries' },
  {
    name: 'KAITEN_SH_FORBIDDEN_TOKEN',
    description: 'optional: a valid kaiten.sh token without read:instances; enables the 403 check',
  },
  {
    name: 'KAITEN_RU_BASE_URL',
    description: 'kaiten.ru API root, e.g. https://example.kaiten.ru/api/latest',
  },
  { name: 'KAITEN_RU_TOKEN', description: 'kaiten.ru API token of a user with "Audit log" access' },
  {
    name: 'KAITEN_RU_FORBIDDEN_TOKEN',
    description:
      'optional: a valid kaiten.ru token of a user without "Audit log" access; enables the 403 check',
  },
  {
    name: 'KAITEN_CONTRACT_MAX_REQUESTS',
    description: 'optional: requests one run may send over both APIs (default 300); --max-requests wins',
  },
]
