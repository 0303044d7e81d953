"""The project's middleware, one module per job (order: sciatica/settings.py MIDDLEWARE).

- request_log: request ids and one JSON log line per request;
- client_ip: the reader's address behind trusted proxies (request log, admin lockouts);
- security_headers: Permissions-Policy on every response;
- response_cache: anonymous public answers from the cache, keyed by the content version,
  with ETags and 304s;
- compression: brotli or gzip for public HTML and JSON;
- database_unavailable: 503 with Retry-After when the database cannot be reached;
- request_hygiene: 405 for unsafe methods and 400 for NUL characters on the public site.
"""
