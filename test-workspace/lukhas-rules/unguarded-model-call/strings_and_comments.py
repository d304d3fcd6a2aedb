def describe(model):
    # model.process(request)
    return "await self._call_model(request) outside the breaker"
