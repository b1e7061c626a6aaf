-- One report per article across a file, a URL and a feed item: ingest looks a new report's
-- address up among the stored ones (pipeline.same_article), so the address is indexed.
CREATE INDEX reports_url ON reports (url);
