-- metrics read signals by time range (and submits by time for votes per day); retention deletes by time
create index kolo_signals_by_time on kolo_signals (at);
create index kolo_signals_submits on kolo_signals (at) where type = 'submit';
