// This file is generated from specs/kaiten-ru/openapi.yaml by packages/types/scripts/generate.mjs.
// Do not edit it by hand: edit the spec, then run `pnpm generate`.

import type { ApiModel } from './api-model.js'

/** The kaiten-ru API model: operations, parameters, documented responses and vendor extensions. */
export const kaitenRuModel = {
  "title": "Kaiten company audit logs",
  "version": "1.0.0",
  "operations": {
    "retrieveAuditLogEvents": {
      "operationId": "retrieveAuditLogEvents",
      "method": "get",
      "path": "/audit-logs",
      "servers": [
        {
          "url": "https://{domain}.kaiten.ru/api/latest",
          "variables": {
            "domain": {
              "default": "example"
            }
          }
        },
        {
          "url": "https://{domain}.kaiten.ru/api/v1",
          "variables": {
            "domain": {
              "default": "example"
            }
          }
        }
      ],
      "parameters": [
        {
          "name": "from",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "string"
            ],
            "format": "date-time"
          },
          "extensions": {}
        },
        {
          "name": "to",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "string"
            ],
            "format": "date-time"
          },
          "extensions": {}
        },
        {
          "name": "author_id",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "integer"
            ]
          },
          "extensions": {}
        },
        {
          "name": "author_uid",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "string"
            ]
          },
          "extensions": {}
        },
        {
          "name": "categories",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": false,
          "schema": {
            "types": [
              "array"
            ],
            "items": {
              "types": [
                "string"
              ],
              "enum": [
                "app",
                "auth",
                "user_profile",
                "user_management",
                "group_management",
                "service_desk",
                "publication",
                "import",
                "company_profile"
              ]
            }
          },
          "extensions": {}
        },
        {
          "name": "actions",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": false,
          "schema": {
            "types": [
              "array"
            ],
            "items": {
              "types": [
                "string"
              ],
              "enum": [
                "start",
                "stop",
                "sign_in",
                "sign_in_fail",
                "sign_out",
                "request_auth_pin",
                "change_password",
                "request_change_email",
                "change_email",
                "invite",
                "invite_fail",
                "deactivate",
                "activate",
                "change_permissions",
                "change_apps_permissions",
                "grant_access",
                "revoke_access",
                "transfer_ownership",
                "depersonalization",
                "create",
                "delete",
                "group_activate",
                "group_deactivate",
                "add_user",
                "add_admin",
                "admin_add_user",
                "delete_user",
                "admin_delete_user",
                "delete_admin",
                "set_sd_password",
                "change_temporary_sd_password",
                "publish_document",
                "publish_document_group",
                "publish_card",
                "unpublish_document",
                "unpublish_document_group",
                "unpublish_card",
                "share_entity",
                "unshare_entity",
                "public_link",
                "extend_trial"
              ]
            }
          },
          "extensions": {}
        },
        {
          "name": "id",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "string"
            ],
            "format": "uuid"
          },
          "extensions": {}
        },
        {
          "name": "limit",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "integer"
            ],
            "minimum": 0,
            "default": 100
          },
          "extensions": {
            "x-kaiten-limit-clamp": {
              "above": 500,
              "applies": 500,
              "zeroMeans": "default"
            }
          },
          "limitClamp": {
            "above": 500,
            "applies": 500,
            "zeroMeans": "default"
          }
        },
        {
          "name": "offset",
          "in": "query",
          "required": false,
          "style": "form",
          "explode": true,
          "schema": {
            "types": [
              "integer"
            ],
            "minimum": 0,
            "default": 0
          },
          "extensions": {}
        }
      ],
      "responses": [
        {
          "status": "200",
          "mediaTypes": [
            "application/json"
          ],
          "headers": [
            {
              "name": "X-RateLimit-Remaining",
              "required": true,
              "schema": {
                "types": [
                  "integer"
                ],
                "minimum": 0
              }
            },
            {
              "name": "X-RateLimit-Reset",
              "required": true,
              "schema": {
                "types": [
                  "integer"
                ],
                "minimum": 0
              }
            }
          ]
        },
        {
          "status": "400",
          "mediaTypes": [],
          "headers": [
            {
              "name": "X-RateLimit-Remaining",
              "required": false,
              "schema": {
                "types": [
                  "integer"
                ],
                "minimum": 0
              }
            },
            {
              "name": "X-RateLimit-Reset",
              "required": false,
              "schema": {
                "types": [
                  "integer"
                ],
                "minimum": 0
              }
            }
          ]
        },
        {
          "status": "401",
          "mediaTypes": [],
          "headers": [
            {
              "name": "X-RateLimit-Remaining",
              "required": false,
              "schema": {
                "types": [
                  "integer"
                ],
                "minimum": 0
              }
            },
            {
              "name": "X-RateLimit-Reset",
              "required": false,
              "schema": {
                "types": [
                  "integer"
                ],
                "minimum": 0
              }
            }
          ]
        },
        {
          "status": "403",
          "mediaTypes": [],
          "headers": [
            {
              "name": "X-RateLimit-Remaining",
              "required": false,
              "schema": {
                "types": [
                  "integer"
                ],
                "minimum": 0
              }
            },
            {
              "name": "X-RateLimit-Reset",
              "required": false,
              "schema": {
                "types": [
                  "integer"
                ],
                "minimum": 0
              }
            }
          ]
        },
        {
          "status": "429",
          "mediaTypes": [],
          "headers": [
            {
              "name": "X-RateLimit-Remaining",
              "required": true,
              "schema": {
                "types": [
                  "integer"
                ],
                "minimum": 0
              }
            },
            {
              "name": "X-RateLimit-Reset",
              "required": true,
              "schema": {
                "types": [
                  "integer"
                ],
                "minimum": 0
              }
            }
          ]
        }
      ],
      "extensions": {
        "x-rate-limit": {
          "requests": 5,
          "windowSeconds": 1
        },
        "x-invalid-parameter-status": {
          "default": 400
        }
      },
      "item": {
        "fields": [
          {
            "name": "id",
            "required": true,
            "types": [
              "string"
            ],
            "format": "uuid"
          },
          {
            "name": "app_name",
            "required": true,
            "types": [
              "string",
              "null"
            ]
          },
          {
            "name": "company_uid",
            "required": true,
            "types": [
              "string",
              "null"
            ]
          },
          {
            "name": "author_id",
            "required": true,
            "types": [
              "integer",
              "null"
            ]
          },
          {
            "name": "author_uid",
            "required": true,
            "types": [
              "string",
              "null"
            ]
          },
          {
            "name": "author_username",
            "required": true,
            "types": [
              "string",
              "null"
            ]
          },
          {
            "name": "author_remote_address",
            "required": true,
            "types": [
              "string",
              "null"
            ]
          },
          {
            "name": "author",
            "required": true,
            "types": [
              "object",
              "null"
            ]
          },
          {
            "name": "category",
            "required": true,
            "types": [
              "string"
            ]
          },
          {
            "name": "action",
            "required": true,
            "types": [
              "string"
            ]
          },
          {
            "name": "message",
            "required": true,
            "types": [
              "string"
            ]
          },
          {
            "name": "details",
            "required": true,
            "types": [
              "object",
              "null"
            ]
          },
          {
            "name": "created",
            "required": true,
            "types": [
              "string"
            ],
            "format": "date-time"
          }
        ]
      },
      "rateLimit": {
        "requests": 5,
        "windowSeconds": 1
      },
      "invalidParameterStatus": {
        "default": 400
      }
    }
  }
} as const satisfies ApiModel
