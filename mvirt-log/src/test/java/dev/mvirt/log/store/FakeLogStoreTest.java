package dev.mvirt.log.store;

class FakeLogStoreTest extends LogStoreContract {
    @Override
    protected LogStore newStore() {
        return new FakeLogStore();
    }
}
