-- return after 7 and 30 days: whether a person acted before a range (on a widget, or anywhere on the
-- site) is one index probe per person, not a scan of every earlier signal; views and other signals
-- stay out of it (actions are a small share), and retention deletes these rows with their signals
create index kolo_signals_actions_by_voter on kolo_signals (voter, kind, widget, at) where type in ('interact', 'submit');
