{{- define "early-help-gateway.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "early-help-gateway.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "early-help-gateway.labels" -}}
app.kubernetes.io/name: {{ include "early-help-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "early-help-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "early-help-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
