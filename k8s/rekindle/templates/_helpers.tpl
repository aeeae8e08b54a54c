{{- define "rekindle.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "rekindle.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: rekindle
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/*
What each service's Secret holds: "<value under .Values.secrets>=<variable>", required ones first; optional ones
(after "|") are written only when set.
*/}}
{{- define "rekindle.secretsOf" -}}
{{- $keys := "apiKey=REKINDLE_API_KEY storefrontKeys=REKINDLE_STOREFRONT_KEYS serviceKeys=REKINDLE_SERVICE_KEYS" -}}
{{- $needs := dict
  "segment" (printf "%s erasureSalt=REKINDLE_ERASURE_SALT" $keys)
  "scenario" (printf "%s assignmentSalt=REKINDLE_ASSIGNMENT_SALT" $keys)
  "messaging" (printf "%s linkKeys=REKINDLE_LINK_KEYS erasureSalt=REKINDLE_ERASURE_SALT twilioAuthToken=REKINDLE_TWILIO_AUTH_TOKEN fcmAccessToken=REKINDLE_FCM_ACCESS_TOKEN | sendgridWebhookKey=REKINDLE_SENDGRID_WEBHOOK_KEY mailgunSigningKey=REKINDLE_MAILGUN_SIGNING_KEY postmarkWebhookUser=REKINDLE_POSTMARK_WEBHOOK_USER postmarkWebhookPassword=REKINDLE_POSTMARK_WEBHOOK_PASSWORD dkimPrivateKey=REKINDLE_DKIM_PRIVATE_KEY" $keys)
  "survey" (printf "%s surveyKeys=REKINDLE_SURVEY_KEYS" $keys) -}}
{{- get $needs . -}}
{{- end -}}

{{/* Who calls each service (besides apiClients): the peers that reach its API. */}}
{{- define "rekindle.callersOf" -}}
{{- $callers := dict "segment" "scenario messaging survey" "scenario" "segment messaging survey"
  "messaging" "scenario segment" "survey" "scenario segment" -}}
{{- get $callers . -}}
{{- end -}}

{{/* The peers each service calls. */}}
{{- define "rekindle.calleesOf" -}}
{{- $callees := dict "segment" "scenario messaging survey" "scenario" "segment messaging survey"
  "messaging" "segment scenario" "survey" "segment scenario" -}}
{{- get $callees . -}}
{{- end -}}

{{/* The service's Secret: the one given, or the chart's own. */}}
{{- define "rekindle.secretName" -}}
{{- $svc := get .root.Values.services .name -}}
{{- default (printf "%s-%s" (include "rekindle.fullname" .root) .name) $svc.existingSecret -}}
{{- end -}}
