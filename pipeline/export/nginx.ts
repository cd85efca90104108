// The nginx configuration of the static copy: the same 303 from /id/… to /doc/…, and content
// negotiation among the files of each document by Accept and Accept-Language. nginx's map cannot
// weigh q-values, so it takes the first type the client lists that the site has, then any it
// lists at all, in the live server's order of preference; docs/serving.md says so.

/** For the http {} block: the maps that turn the request headers into a file suffix. */
export const NGINX_HTTP = `# iscm-lod static site: include this file inside http { }.
# The first media type the client lists that the site has wins; then any it lists; then HTML.
map $http_accept $iscm_rdf_suffix {
    default                          "";
    "~*^\\s*text/html"                "";
    "~*^\\s*text/turtle"              ".ttl";
    "~*^\\s*application/ld\\+json"     ".jsonld";
    "~*^\\s*application/n-triples"    ".nt";
    "~*^\\s*application/rdf\\+xml"     ".rdf";
    "~*text/html"                    "";
    "~*text/turtle"                  ".ttl";
    "~*application/ld\\+json"         ".jsonld";
    "~*application/n-triples"        ".nt";
    "~*application/rdf\\+xml"         ".rdf";
}

# French when the client lists French before any English; English otherwise.
map $http_accept_language $iscm_lang {
    default                          en;
    "~*^(?:(?!en).)*fr"              fr;
}

map $iscm_rdf_suffix $iscm_suffix {
    ""                               .$iscm_lang.html;
    default                          $iscm_rdf_suffix;
}
`;

/** For a server {} block whose root is the exported folder. */
export const NGINX_SERVER = `# iscm-lod static site: include this file inside the server { } whose root is the exported folder.
types {
    text/html                html;
    text/css                 css;
    text/turtle              ttl;
    application/n-triples    nt;
    application/n-quads      nq;
    application/ld+json      jsonld;
    application/rdf+xml      rdf;
    application/gzip         gz;
    application/json         json;
    text/markdown            md;
}
default_type text/plain;
charset utf-8;
charset_types text/css text/turtle text/markdown text/plain;
absolute_redirect off;
add_header Access-Control-Allow-Origin "*" always;

# {base}id/{path} is served at /id/{path}: 303 See Other to the document about it.
location ~ ^/id/(?<iscm_path>.+)$ {
    if (!-f $document_root/doc/$iscm_path.en.html) {
        return 404;
    }
    return 303 /doc/$iscm_path;
}

# A variant asked for by name (/doc/state/CHE.ttl) is a file; otherwise the document's variant
# that the Accept and Accept-Language headers choose. Named captures: the maps' regexes reset $1.
location ~ ^/doc/(?<iscm_path>.+)$ {
    add_header Vary "Accept, Accept-Language" always;
    add_header Access-Control-Allow-Origin "*" always;
    try_files $uri /doc/$iscm_path$iscm_suffix =404;
}

location = / {
    add_header Vary "Accept-Language" always;
    add_header Access-Control-Allow-Origin "*" always;
    try_files /index.$iscm_lang.html =404;
}

location = /download {
    return 301 /download/;
}

location = /download/ {
    add_header Vary "Accept-Language" always;
    add_header Access-Control-Allow-Origin "*" always;
    try_files /download/index.$iscm_lang.html =404;
}
`;

/** A complete configuration, to try the copy with \`nginx -p FOLDER -c nginx/nginx.conf\` on port 8080. */
export const NGINX_STANDALONE = `# iscm-lod static site, standalone: nginx -p /path/to/the/exported/folder/ -c nginx/nginx.conf
daemon off;
worker_processes 1;
pid nginx.pid;
error_log stderr;
events { worker_connections 256; }
http {
    access_log off;
    include iscm-http.conf;
    server {
        listen 127.0.0.1:8080;
        root .;
        include iscm-server.conf;
    }
}
`;
