def check_article(*a, **k): return {}
def check_conflicts(*a, **k): return {}
