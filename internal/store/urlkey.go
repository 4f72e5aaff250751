package store

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that say how a reader arrived, not
// which page they read.
var trackingParams = []string{"utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid", "ocid"}

// URLKey normalises an article URL so that the same page reached by
// different links is one key: scheme and host case, "www.", default ports,
// fragments, tracking parameters, parameter order and a trailing slash do
// not matter. It returns "" for an empty or unparseable URL.
func URLKey(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	q := u.Query()
	for k := range q {
		lk := strings.ToLower(k)
		for _, t := range trackingParams {
			if strings.HasPrefix(lk, t) {
				q.Del(k)
			}
		}
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var query []string
	for _, k := range keys {
		for _, v := range q[k] {
			query = append(query, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	path := strings.TrimSuffix(u.EscapedPath(), "/")
	key := host + path
	if len(query) > 0 {
		key += "?" + strings.Join(query, "&")
	}
	return key
}
