-- counters split into shards: concurrent votes on one widget update different rows, so they do not
-- wait for each other's commit, and a read sums a handful of rows per choice. Voters become a counter too.
alter table kolo_counts add column shard int not null default 0;
alter table kolo_counts drop constraint kolo_counts_pkey;
alter table kolo_counts add primary key (kind, widget, choice, shard);
insert into kolo_counts (kind, widget, choice, shard, n) select kind, id, '', 0, voters from kolo_widgets where voters <> 0;
alter table kolo_widgets drop column voters;
