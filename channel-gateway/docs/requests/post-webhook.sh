#!/usr/bin/env bash
# Posts a Twilio messaging webhook the way Twilio does: form-encoded, signed with X-Twilio-Signature
# (base64 HMAC-SHA1, keyed with the auth token, of the URL followed by every parameter name and value sorted
# by name).
#   docs/requests/post-webhook.sh docs/requests/inbound-sms.form
# Env: GATEWAY_PUBLIC_URL (default http://localhost:8081), TWILIO_AUTH_TOKEN (default: the %dev value).
set -euo pipefail
form=${1:?usage: post-webhook.sh FORM_FILE}
url="${GATEWAY_PUBLIC_URL:-http://localhost:8081}/twilio/messaging/inbound"
token="${TWILIO_AUTH_TOKEN:-dev-twilio-auth-token-not-secret}"

data="$url"
args=()
while IFS= read -r line; do
    [ -z "$line" ] && continue
    data+="${line%%=*}${line#*=}"
    args+=(--data-urlencode "$line")
done < <(LC_ALL=C sort -t= -k1,1 "$form")
signature=$(printf '%s' "$data" | openssl dgst -sha1 -hmac "$token" -binary | base64)

curl -sS -i "$url" -H "X-Twilio-Signature: $signature" "${args[@]}"
